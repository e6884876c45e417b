/// The text `lesson --help` prints.
enum Help {
  static let text = """
    lesson: learn image classification with convolutional neural networks, in your terminal.

    THE LESSON
      lesson                     Carry on where you left off (the first time: the episode menu)
      lesson start N             Walk episode N: each step's code is shown, then runs when you press
                                 Enter (s runs it quietly, b goes back, h gives a hint, q quits)
                                 Options: --no-pause (run straight through), --from STEP
      lesson list                Episodes and exercises, with your progress
      lesson status              One line to paste into the class chat
      lesson catch-up N          Run episodes before N so that episode N is ready to start

    EXERCISES WHERE YOU WRITE CODE
      lesson exercise ID         Copy the exercise's starter file into .lesson/exercises/ and say what to do
      lesson check [ID]          Compile and run your file's checks (the last exercise if no ID)
      lesson watch [ID]          Check again every time you save; Enter moves on after a pass
      lesson hint ID [N]         The exercise's next hint (or hint N)
      lesson solution ID         The solution (after you pass, or once you confirm)
      lesson reset ID            Put the starter file back as it was shipped

    FOR INSTRUCTORS AND AUTHORS
      lesson instructor N        The schedule, episode N's instructor notes and its solutions
      lesson handout             Every exercise, without solutions, as Markdown
      lesson doctor              Check this machine and predict each episode's training time
      lesson verify [N…]         Run every episode (or episodes N…) and its exercises; lists what fails

    TOOLS
      lesson summary MODEL       The summary of a model file (.keras, .cnnmodel) or of a reference
                                 model: lesson, small or bigger
      lesson train DIR           Train a reference model on a folder of class folders (DIR/train and
                                 DIR/val if present, else a 20 % validation split)
                                 Options: --model NAME (lesson), --epochs N (10), --image-size H W,
                                          --batch-size B (32), --seed S (42), --save FILE
                                 (FILE ending in .keras: a Keras 3 file Python's Keras opens)
      lesson predict MODEL IMAGE…
                                 Each image's class probabilities and predicted class
                                 (--classes a,b,c or --classes DIR names the classes)
      lesson evaluate MODEL DIR  Accuracy and confusion matrix on a folder of class folders
      lesson image info|show PATH, lesson image convert IN OUT
      lesson demo visuals        Every picture the lesson draws, on real data (--svg DIR, --epochs N)
      lesson bench [NAME|all]    Training and prediction speed on random images, GFLOPS against this
                                 machine's peak, memory, start-up (--epochs N, --images N,
                                 --batch-size N, --threads N, --json)
      lesson bench decode [PATH…]
                                 Image decoding speed; JPEGs also at 1/2, 1/4 and 1/8 size
                                 (without PATH: a 640×427 and a 12-megapixel photo)

    DISPLAY OPTIONS (any command)
      --color always|never|auto  Force colour on or off (default: detect; NO_COLOR is honoured)
      --width N                  Lay out for N columns (default: the terminal's)
    """
}
