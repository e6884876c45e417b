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

  /// Eight 26 × 26 maps of the lesson's first convolution, in an 80 × 24 terminal: 4 by 2, each
  /// 18 columns (about 1.4 pixels a column), the whole grid within the rows above the prompt.
  @Test func theLessonsMapsAreDrawnLargeEnoughToSeeWhatEachFilterFound() throws {
    let lessonMaps = Tensor(shape: [1, 26, 26, 16], scalars: (0..<(26 * 26 * 16)).map { Float($0 % 7) })
    let grid = ImageGrid(featureMaps: lessonMaps)
    #expect(grid.tiles.count == 8)
    var capabilities = TerminalCapabilities.plain(width: 80)
    capabilities.height = 24
    let layout = try #require(grid.layout(forWidth: 80, height: 24))
    #expect(layout == (4, 18))
    #expect(grid.lines(for: capabilities).count <= 24 - ImageGrid.rowsLeftFree)
  }
}
