"""The Keras side of `lesson bench`: the same workloads, measured the same way, in Keras.

Issue 19's targets are ratios against Keras measured in the same minutes on the same machine.
This script gives the Keras figures; `lesson bench all --json` and `lesson bench photos --json`
give ours. It prints one JSON object.

    python3 keras_bench.py models [--threads 1|2] [--images 10000] [--epochs 3]
    python3 keras_bench.py photos DIR [--threads 1|2] [--epochs 3]

It needs Keras 3 with the TensorFlow backend (`pip install tensorflow-cpu`); the product never
does. `models` trains the three reference models on random 32×32×3 images (batch 32, Adam, one
warm-up epoch, then the median of the timed epochs), as `lesson bench` does. `photos` times a
learner's script: `image_dataset_from_directory` with an 80/20 split and seed 42 at 180×180, the
`small` model behind `Rescaling(1/255)`, 3 epochs; its wall clock starts with the process, so
Python's and TensorFlow's start-up count, as `lesson`'s does. Run `lesson bench photos --keep DIR`
first to make the same folder of photos.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import time

STARTED = time.time()


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workload", choices=["models", "photos"])
    parser.add_argument("folder", nargs="?")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--images", type=int, default=10_000)
    parser.add_argument("--epochs", type=int, default=3)
    return parser.parse_args()


ARGS = parse()
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

tf.config.threading.set_intra_op_parallelism_threads(ARGS.threads)
tf.config.threading.set_inter_op_parallelism_threads(ARGS.threads)
import keras  # noqa: E402
from keras import layers  # noqa: E402


def reference_model(name, input_shape, classes, rescaling=False):
    """The reference models of ReferenceModel.swift, layer for layer."""
    body = [layers.Rescaling(1.0 / 255)] if rescaling else []
    if name == "lesson":
        body += [
            layers.Conv2D(16, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Flatten(),
            layers.Dense(classes, activation="softmax"),
        ]
    elif name == "small":
        body += [
            layers.Conv2D(16, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(64, 3, activation="relu"),
            layers.Flatten(),
            layers.Dense(64, activation="relu"),
            layers.Dense(classes, activation="softmax"),
        ]
    else:
        body += [
            layers.Conv2D(32, 3, padding="same", activation="relu"),
            layers.Conv2D(32, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(64, 3, padding="same", activation="relu"),
            layers.Conv2D(64, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(2),
            layers.Flatten(),
            layers.Dense(128, activation="relu"),
            layers.Dropout(0.5),
            layers.Dense(classes),
        ]
    model = keras.Sequential([keras.Input(input_shape)] + body, name=name)
    model.compile(
        optimizer=keras.optimizers.Adam(),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=name == "bigger"),
        metrics=["accuracy"],
    )
    return model


def peak_mebibytes():
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def measure_models():
    rng = np.random.default_rng(42)
    results = []
    for name in ["lesson", "small", "bigger"]:
        classes = 5 if name == "lesson" else 10
        images = rng.random((ARGS.images, 32, 32, 3), dtype=np.float32)
        labels = np.arange(ARGS.images) % classes
        model = reference_model(name, (32, 32, 3), classes)
        rates = []
        for epoch in range(ARGS.epochs + 1):
            start = time.perf_counter()
            model.fit(images, labels, batch_size=32, epochs=1, verbose=0)
            if epoch > 0:
                rates.append(ARGS.images / (time.perf_counter() - start))
        sample = images[:2048]
        model.predict(sample, batch_size=32, verbose=0)
        start = time.perf_counter()
        model.predict(sample, batch_size=32, verbose=0)
        results.append(
            {
                "model": name,
                "trainingImagesPerSecond": statistics.median(rates),
                "predictionImagesPerSecondAtBatch32": len(sample) / (time.perf_counter() - start),
            }
        )
    return {"threads": ARGS.threads, "results": results, "peakResidentMebibytes": peak_mebibytes()}


def measure_photos():
    listing = time.time()
    training, validation = keras.utils.image_dataset_from_directory(
        ARGS.folder, validation_split=0.2, subset="both", seed=42, image_size=(180, 180), batch_size=32
    )
    classes = len(training.class_names)
    model = reference_model("small", (180, 180, 3), classes, rescaling=True)
    epochs = []

    class EpochClock(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.time()

        def on_epoch_end(self, epoch, logs=None):
            epochs.append(time.time() - self.start)

    # One call, as a learner's script makes it.
    history = model.fit(training, validation_data=validation, epochs=ARGS.epochs, verbose=0, callbacks=[EpochClock()])
    return {
        "threads": ARGS.threads,
        "startUpSeconds": listing - STARTED,
        "epochSeconds": epochs,
        "totalSeconds": time.time() - STARTED,
        "peakResidentMebibytes": peak_mebibytes(),
        "validationAccuracy": history.history["val_accuracy"][-1],
    }


if __name__ == "__main__":
    report = measure_models() if ARGS.workload == "models" else measure_photos()
    print(json.dumps(report, indent=2))
