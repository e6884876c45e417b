let testSet = try makeTestSet()
try check("class names", testSet.classNames, equals: (0...9).map { "\($0)" })
try check(
  "number of images", testSet.count, equals: 1000, hint: "load the test folder, Datasets/digits/test")
let perClass = (0..<10).map { digit in testSet.classIndices.filter { $0 == digit }.count }
try check("images of each digit", perClass, equals: Array(repeating: 100, count: 10))
let (images, labels) = try testSet.firstBatch()
try check(
  "batch of images", images.shape, equals: [32, 28, 28, 1],
  hint: "28 × 28 pixels of one grey channel: imageSize: [28, 28] and colorMode: .grayscale")
try check("batch of labels", labels.shape, equals: [32])
let firstPass = testSet.flatMap { $0.labels.classIndices }
let secondPass = testSet.flatMap { $0.labels.classIndices }
try check(
  "the same order on every pass", firstPass == secondPass,
  hint: "a shuffled set comes in a new order on every pass, so labels from one pass no longer line up "
    + "with predictions from another: pass shuffle: false")
