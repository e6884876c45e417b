/// The texts `lesson` prints about itself.
enum Help {
  static let text = """
    lesson: learn image classification with convolutional neural networks, in your terminal.

    USAGE
      lesson                 Start (for now: what this version can do)
      lesson summary NAME    Print the summary of a reference model: lesson, small or bigger
      lesson bench [NAME]    Train a reference model on random images and report images per second
                             Options: --epochs N (default 3), --images N (default 10000),
                                      --batch-size N (default 32)
      lesson bench decode PATH…      How many times a second each image file decodes
      lesson image info PATH         Format, size, channels and bit depth of an image file
      lesson image show PATH         Draw an image in the terminal
      lesson image convert IN OUT    Convert an image to .png, .ppm or .pgm
      lesson train DIR       Train a reference model on a folder of class folders (DIR/train and
                             DIR/val if present, else a 20 % validation split)
                             Options: --model NAME (lesson), --epochs N (10), --image-size H W
                                      (the images' own), --batch-size B (32), --seed S (42),
                                      --save FILE
      lesson demo visuals    Every picture the lesson draws, on real data (trains a small model)
                             Options: --svg DIR (also write each figure as SVG), --epochs N (8)
      lesson --help          Show this help

    DISPLAY OPTIONS (any command)
      --color always|never|auto      Force colour on or off (default: detect; NO_COLOR is honoured)
      --width N                      Lay out for N columns (default: the terminal's)

    EXAMPLES
      lesson summary lesson  The model of the lesson: Conv2D → MaxPooling2D → Flatten → Dense
      lesson bench lesson    How fast this machine trains it
      lesson train Datasets/digits --epochs 5
                             Learn handwritten digits
    """

  static let welcome = """
    Welcome to lesson: image classification with convolutional neural networks, in Swift.

    This version has the CNN library the episodes will run on. The six episodes come next;
    meanwhile you can look at the models the lesson builds:

      lesson summary lesson   the lesson's first CNN, layer by layer
      lesson summary bigger   a deeper one, with 591,274 parameters

    Run `lesson --help` for every command.
    """
}
