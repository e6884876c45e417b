import CNN
import ImageCodecs
import Testing

@testable import LessonToolkit
@testable import TerminalUI

@Suite struct ImageGridFeatureMapsTests {
  /// Two channels of a 2 × 2 map: the first rises 0, 1, 2, 3; the second is -1 everywhere.
  let maps = Tensor(shape: [2, 2, 2], scalars: [0, -1, 1, -1, 2, -1, 3, -1])

  @Test func aChannelIsStretchedFromBlackAtItsSmallestToWhiteAtItsLargest() {
    let image = Image(stretching: maps, channel: 0)
    #expect(image == Image(width: 2, height: 2, channels: 1, pixels: [0, 85, 170, 255]))
  }

  @Test func aChannelWithASingleValueIsAllBlack() {
    #expect(Image(stretching: maps, channel: 1).pixels == [0, 0, 0, 0])
  }

  @Test func eachChannelBecomesATileTitledWithItsFilter() {
    let grid = ImageGrid(featureMaps: maps)
    #expect(grid.tiles.map(\.title) == ["#0", "#1"])
    #expect(grid.tiles.map(\.image) == [Image(stretching: maps, channel: 0), Image(stretching: maps, channel: 1)])
  }

  @Test func aBatchShowsItsFirstImageUpToTheCount() {
    let batch = Tensor(stacking: [maps, maps * 2])
    #expect(ImageGrid(featureMaps: batch, count: 1).tiles.map(\.title) == ["#0"])
    #expect(ImageGrid(featureMaps: batch).tiles.map(\.image) == ImageGrid(featureMaps: maps).tiles.map(\.image))
  }
}
