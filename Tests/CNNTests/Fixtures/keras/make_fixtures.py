"""Writes the .keras fixtures in this folder with the real Keras, and what Keras says about each.

Run from this folder in a Python with Keras 3, JAX and h5py (see README.md):

    KERAS_BACKEND=jax python make_fixtures.py

For each model NAME it writes NAME.keras (Keras's `model.save`) and NAME.expected.json: the
inputs, Keras's `predict` output on them, and the compile settings and optimizer state Keras
holds after `load_model` of the file it wrote.
"""
import json

import keras
import numpy as np

layers = keras.layers
SHAPE = (8, 8, 1)


def sequential():
    """A Sequential model using every layer this library reads but GlobalAveragePooling2D."""
    return keras.Sequential(
        [
            keras.Input(SHAPE),
            layers.Rescaling(1 / 255),
            layers.Conv2D(4, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(6, (2, 3), activation="tanh"),
            layers.Activation("leaky_relu"),
            layers.AveragePooling2D(2, strides=1),
            layers.Flatten(),
            layers.Dropout(0.25),
            layers.Dense(8, activation="sigmoid"),
            layers.Dense(3, activation="softmax"),
        ],
        name="fixture_sequential",
    )


def functional():
    """A functional chain with GlobalAveragePooling2D, strides, no bias and logits."""
    inputs = keras.Input(SHAPE)
    x = layers.Rescaling(1 / 127.5, offset=-1)(inputs)
    x = layers.Conv2D(5, 3, activation="selu")(x)
    x = layers.AveragePooling2D(2)(x)
    x = layers.Conv2D(4, 2, strides=2, padding="same", use_bias=False)(x)
    x = layers.Activation("elu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(6, activation="linear")(x)
    x = layers.Dropout(0.5)(x)
    return keras.Model(inputs, layers.Dense(3)(x), name="fixture_functional")


def images(seed, count):
    """`count` 8x8 grey images of whole pixel values 0...255, float32."""
    return np.random.default_rng(seed).integers(0, 256, size=(count,) + SHAPE).astype("float32")


def optimizer_state(optimizer):
    """The optimizer's variables as Keras saves them: step count, learning rate, then the slots."""
    return [np.asarray(v).astype("float64").ravel().tolist() for v in optimizer.variables]


def write(name, model, compile_args=None, train=False):
    keras.utils.set_random_seed(15)
    if compile_args is not None:
        model.compile(**compile_args)
    if train:
        model.fit(images(1, 16), np.arange(16) % 3, batch_size=8, epochs=1, verbose=0)
    model.save(f"{name}.keras")
    loaded = keras.models.load_model(f"{name}.keras")
    inputs = images(2, 4)
    expected = {
        "file": f"{name}.keras",
        "keras_version": keras.__version__,
        "input_shape": list(inputs.shape),
        "inputs": inputs.ravel().tolist(),
        "predictions": loaded.predict(inputs, verbose=0).astype("float64").ravel().tolist(),
        "compiled": loaded.compiled,
    }
    if loaded.compiled:
        optimizer = loaded.optimizer
        expected["optimizer"] = {
            "class_name": optimizer.__class__.__name__,
            "learning_rate": float(optimizer.learning_rate),
            "iterations": int(optimizer.iterations),
            "variables": optimizer_state(optimizer) if optimizer.built else [],
        }
        expected["loss"] = keras.losses.serialize(loaded.loss) if not isinstance(loaded.loss, str) else loaded.loss
        expected["metrics"] = model.get_compile_config()["metrics"]
    with open(f"{name}.expected.json", "w") as file:
        json.dump(expected, file, indent=1)
        file.write("\n")


def main():
    write(
        "sequential-adam-trained",
        sequential(),
        dict(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"]),
        train=True,
    )
    write(
        "functional-rmsprop-trained",
        functional(),
        dict(
            optimizer=keras.optimizers.RMSprop(0.005, momentum=0.5, centered=True),
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        ),
        train=True,
    )
    write(
        "sequential-sgd-untrained",
        sequential(),
        dict(optimizer=keras.optimizers.SGD(0.1, momentum=0.9, nesterov=True), loss="sparse_categorical_crossentropy"),
    )
    write("sequential-uncompiled", sequential())
    write("functional-uncompiled", functional())


if __name__ == "__main__":
    main()
