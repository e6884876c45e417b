import CNN

/// The TOOLS section of the command table: saved models, training, images, demos and benchmarks.
extension CommandTable {
  private static let positiveNumber = ValueKind.positiveNumber()
  private static let demoEpochs = 8
  private static let trainDefaults = TrainOptions(folder: "")
  private static let benchDefaults = BenchOptions()
  private static let photosDefaults = PhotosBenchOptions()

  static let models = [
    CommandSpec(
      name: "summary", section: .tools,
      arguments: [
        ArgumentSpec(
          placeholder: "MODEL", kind: .modelFileOrName, noun: "MODEL file or name",
          summary: "A model file (.keras, .cnnmodel) or a reference model: lesson, small or bigger")
      ],
      summary: [
        "The summary of a model file (.keras, .cnnmodel) or of a reference",
        "model: lesson, small or bigger",
      ],
      example: ["summary", "bigger"], build: { parsed in .model(.summary(model: parsed.requiredText("MODEL"))) }),
    CommandSpec(
      name: "train", section: .tools,
      arguments: [
        ArgumentSpec(
          placeholder: "DIR", kind: .text, noun: "folder of class folders",
          summary: "A folder with one sub-folder of images per class")
      ],
      options: [
        modelOption(default: trainDefaults.model),
        epochsOption(default: "\(trainDefaults.epochs)"),
        imageSizeOption(default: "the images' most common size"),
        OptionSpec(
          name: "--batch-size", placeholders: ["B"], kind: positiveNumber, noun: "number",
          summary: "Images per training step", defaultValue: "\(trainDefaults.batchSize)"),
        OptionSpec(
          name: "--seed", placeholders: ["S"], kind: positiveNumber, noun: "number",
          summary: "The seed for shuffling and initial weights", defaultValue: "\(trainDefaults.seed)"),
        OptionSpec(
          name: "--save", placeholders: ["FILE"], kind: .text, noun: "FILE",
          summary: "Save the trained model (.keras: a Keras 3 file Python's Keras opens)"),
      ],
      summary: [
        "Train a reference model on a folder of class folders (DIR/train and",
        "DIR/val if present, else a 20 % validation split)",
      ],
      overviewNotes: [
        "Options: --model NAME (lesson), --epochs N (10), --image-size H W,",
        "         --batch-size B (32), --seed S (42), --save FILE",
        "(FILE ending in .keras: a Keras 3 file Python's Keras opens)",
      ],
      example: ["train", "Datasets/pets", "--epochs", "5", "--save", "pets.keras"],
      build: { parsed in
        var options = TrainOptions(folder: parsed.requiredText("DIR"))
        if let model = parsed.model("--model") { options.model = model }
        if let epochs = parsed.number("--epochs") { options.epochs = epochs }
        if parsed.isSet("--image-size") { options.imageSize = parsed.numbers("--image-size") }
        if let batchSize = parsed.number("--batch-size") { options.batchSize = batchSize }
        if let seed = parsed.number("--seed") { options.seed = UInt64(seed) }
        options.savePath = parsed.text("--save")
        return .train(options)
      }),
    CommandSpec(
      name: "predict", section: .tools,
      arguments: [
        modelArgument,
        ArgumentSpec(placeholder: "IMAGE", kind: .text, noun: "IMAGE file", summary: "Image files", isRepeated: true),
      ],
      options: [
        OptionSpec(
          name: "--classes", placeholders: ["NAMES"], kind: .text, noun: "NAMES",
          summary: "The class names: a,b,c, or the folder the model was trained on", defaultValue: "class 0, class 1, …"
        )
      ],
      summary: [
        "Each image's class probabilities and predicted class"
      ],
      overviewNotes: ["(--classes a,b,c or --classes DIR names the classes)"],
      example: ["predict", "pets.keras", "cat.jpg", "--classes", "cat,dog"],
      build: { parsed in
        .model(
          .predict(
            model: parsed.requiredText("MODEL"), images: parsed.texts("IMAGE"), classNames: parsed.text("--classes")))
      }),
    CommandSpec(
      name: "evaluate", section: .tools,
      arguments: [
        modelArgument,
        ArgumentSpec(
          placeholder: "DIR", kind: .text, noun: "folder of class folders",
          summary: "A folder with one sub-folder of images per class"),
      ],
      summary: ["Accuracy and confusion matrix on a folder of class folders"],
      example: ["evaluate", "pets.keras", "Datasets/pets/val"],
      build: { parsed in .model(.evaluate(model: parsed.requiredText("MODEL"), folder: parsed.requiredText("DIR"))) }),
  ]

  private static let modelArgument = ArgumentSpec(
    placeholder: "MODEL", kind: .text, noun: "MODEL file", summary: "A model file: .keras or .cnnmodel")

  static let tools = [
    CommandSpec(
      name: "image info", section: .tools, arguments: [imagePath],
      summary: ["The image's format, size, channels and bit depth"], sharesOverviewRow: true,
      example: ["image", "info", "photo.jpg"], build: { parsed in .image(.info(path: parsed.requiredText("PATH"))) }),
    CommandSpec(
      name: "image show", section: .tools, arguments: [imagePath], summary: ["The image, drawn in the terminal"],
      sharesOverviewRow: true, example: ["image", "show", "photo.jpg"],
      build: { parsed in .image(.show(path: parsed.requiredText("PATH"))) }),
    CommandSpec(
      name: "image convert", section: .tools,
      arguments: [
        ArgumentSpec(placeholder: "IN", kind: .text, noun: "IN and OUT file", summary: "The image to read"),
        ArgumentSpec(
          placeholder: "OUT", kind: .text, noun: "IN and OUT file",
          summary: "The file to write; its extension picks the format"),
      ],
      summary: ["Write the image in another format"], sharesOverviewRow: true,
      example: ["image", "convert", "photo.jpg", "photo.png"],
      build: { parsed in .image(.convert(input: parsed.requiredText("IN"), output: parsed.requiredText("OUT"))) }),
    CommandSpec(
      name: "demo visuals", section: .tools,
      options: [
        OptionSpec(
          name: "--svg", placeholders: ["DIR"], kind: .text, noun: "folder",
          summary: "Also save each picture as an SVG file in DIR"),
        OptionSpec(
          name: "--epochs", placeholders: ["N"], kind: positiveNumber, noun: "number",
          summary: "Epochs to train the model the pictures show", defaultValue: "\(demoEpochs)"),
      ],
      summary: ["Every picture the lesson draws, on real data (--svg DIR, --epochs N)"],
      example: ["demo", "visuals", "--epochs", "2"],
      build: { parsed in .demoVisuals(svgFolder: parsed.text("--svg"), epochs: parsed.number("--epochs") ?? demoEpochs)
      }),
    CommandSpec(
      name: "bench", section: .tools,
      arguments: [
        ArgumentSpec(
          placeholder: "NAME|all", kind: .text, noun: "model",
          summary: "The reference model to measure (lesson, small or bigger), or all of them", isOptional: true)
      ],
      options: [
        OptionSpec(
          name: "--epochs", placeholders: ["N"], kind: positiveNumber, noun: "number",
          summary: "Timed epochs, after one to warm up", defaultValue: "\(benchDefaults.epochs)"),
        OptionSpec(
          name: "--images", placeholders: ["N"], kind: positiveNumber, noun: "number",
          summary: "Random images per epoch", defaultValue: "\(benchDefaults.images)"),
        OptionSpec(
          name: "--batch-size", placeholders: ["N"], kind: positiveNumber, noun: "number",
          summary: "Images per training step", defaultValue: "\(benchDefaults.batchSize)"),
        OptionSpec(
          name: "--threads", placeholders: ["N"], kind: positiveNumber, noun: "number",
          summary: "Threads for the kernels", defaultValue: "every core"),
        .flag("--json", "Print JSON instead of a table"),
      ],
      summary: [
        "Training and prediction speed on random images, GFLOPS against this",
        "machine's peak, memory, start-up (--epochs N, --images N,",
        "--batch-size N, --threads N, --json)",
      ],
      example: ["bench", "small", "--epochs", "1", "--images", "640"],
      build: { parsed throws(UsageError) in
        var options = BenchOptions()
        if let name = parsed.text("NAME|all") {
          options.models = name == "all" ? ReferenceModel.allCases : [try LessonCommand.referenceModel(named: name)]
        }
        if let epochs = parsed.number("--epochs") { options.epochs = epochs }
        if let images = parsed.number("--images") { options.images = images }
        if let batchSize = parsed.number("--batch-size") { options.batchSize = batchSize }
        options.threads = parsed.number("--threads")
        options.json = parsed.isSet("--json")
        return .bench(options)
      }),
    CommandSpec(
      name: "bench decode", section: .tools,
      arguments: [
        ArgumentSpec(
          placeholder: "PATH", kind: .text, noun: "image file",
          summary: "Image files (default: a 640×427 and a 12-megapixel photo)", isOptional: true, isRepeated: true)
      ],
      summary: [
        "Image decoding speed; JPEGs also at 1/2, 1/4 and 1/8 size",
        "(without PATH: a 640×427 and a 12-megapixel photo)",
      ],
      example: ["bench", "decode", "photo.jpg"], build: { parsed in .benchDecode(parsed.texts("PATH")) }),
    CommandSpec(
      name: "bench convolutions", section: .tools,
      summary: [
        "Each reference 3×3 convolution timed with both algorithms, windowed and",
        "Winograd, marking the one used",
      ],
      example: ["bench", "convolutions"], build: { _ in .benchConvolutions }),
    CommandSpec(
      name: "bench photos", section: .tools,
      arguments: [
        ArgumentSpec(
          placeholder: "DIR", kind: .text, noun: "folder of class folders",
          summary: "Photos in one sub-folder per class (default: 2,000 JPEGs made from the shipped photos)",
          isOptional: true)
      ],
      options: [
        modelOption(default: photosDefaults.model),
        epochsOption(default: "\(photosDefaults.epochs)"),
        imageSizeOption(default: photosDefaults.imageSize.map(String.init).joined(separator: " ")),
        OptionSpec(
          name: "--images", placeholders: ["N"], kind: positiveNumber, noun: "number",
          summary: "Photos to make when no DIR is given", defaultValue: "\(photosDefaults.images)"),
        OptionSpec(
          name: "--keep", placeholders: ["DIR"], kind: .text, noun: "folder",
          summary: "Make the photos in DIR and keep them, to time another tool on them"),
        .flag("--json", "Print JSON instead of lines"),
      ],
      summary: [
        "Load, decode and train on a folder of photos, each part timed,",
        "with peak memory (without DIR: 2,000 JPEGs made from Datasets/photos)",
      ],
      example: ["bench", "photos", "--images", "400", "--epochs", "1"],
      build: { parsed throws(UsageError) in
        var options = PhotosBenchOptions(folder: parsed.text("DIR"))
        if let model = parsed.model("--model") { options.model = model }
        if let epochs = parsed.number("--epochs") { options.epochs = epochs }
        if parsed.isSet("--image-size") { options.imageSize = parsed.numbers("--image-size") }
        if let images = parsed.number("--images") { options.images = images }
        options.keptFolder = parsed.text("--keep")
        options.json = parsed.isSet("--json")
        if options.folder != nil && options.keptFolder != nil {
          throw UsageError.conflicting("DIR", "--keep", reason: "photos are made only when no DIR is given")
        }
        return .benchPhotos(options)
      }),
  ]

  /// `--model NAME`, the reference model a command trains.
  private static func modelOption(default model: ReferenceModel) -> OptionSpec {
    OptionSpec(
      name: "--model", placeholders: ["NAME"], kind: .referenceModel, noun: "NAME",
      summary: "The reference model to train", defaultValue: model.rawValue)
  }

  /// `--epochs N`, the passes a command trains for.
  private static func epochsOption(default epochs: String) -> OptionSpec {
    OptionSpec(
      name: "--epochs", placeholders: ["N"], kind: positiveNumber, noun: "number", summary: "Passes over the images",
      defaultValue: epochs)
  }

  /// `--image-size H W`, the size a command resizes images to.
  private static func imageSizeOption(default size: String) -> OptionSpec {
    OptionSpec(
      name: "--image-size", placeholders: ["H", "W"], kind: positiveNumber, noun: "number",
      summary: "Resize images to H×W pixels", defaultValue: size)
  }

  private static let imagePath = ArgumentSpec(placeholder: "PATH", kind: .text, noun: "PATH", summary: "An image file")
}
