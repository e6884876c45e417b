"""Writes the broken PNG fixtures into invalid/: each damages a valid file in one way.

Called by make_fixtures.py, which explains the setup. Zlib streams come from Python's zlib,
except the deliberately corrupt DEFLATE streams, which `BitWriter` spells out bit by bit.
"""
import os
import struct
import zlib

from make_fixtures import assemble, chunk, chunks, ihdr


class BitWriter:
    """Writes DEFLATE's bit order: fields lowest bit first, Huffman codes highest bit first."""

    def __init__(self):
        self.bits = []

    def field(self, value, count):
        self.bits += [(value >> i) & 1 for i in range(count)]

    def code(self, value, count):
        self.bits += [(value >> (count - 1 - i)) & 1 for i in range(count)]

    def fixed_literal(self, byte):  # fixed code of literals 0...143: 8 bits from 0x30
        self.code(0x30 + byte, 8)

    def bytes(self):
        bits = self.bits + [0] * (-len(self.bits) % 8)
        return bytes(sum(bits[i + j] << j for j in range(8)) for i in range(0, len(bits), 8))


def zlib_wrap(deflate):
    return b"\x78\x9c" + deflate + b"\0\0\0\0"


def fixed_block(build):
    """A final fixed-Huffman block whose symbols `build` writes."""
    writer = BitWriter()
    writer.field(1, 1)
    writer.field(1, 2)
    build(writer)
    return zlib_wrap(writer.bytes())


def with_idat(base, stream):
    """`base` with its image data replaced by `stream` (CRCs correct)."""
    pairs = [c for c in chunks(base) if c[0] != b"IDAT"]
    return assemble(pairs[:-1] + [(b"IDAT", stream)] + pairs[-1:])


def with_header(base, **fields):
    """`base` with IHDR fields changed (and its CRC fixed)."""
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", chunks(base)[0][1])
    values = dict(width=width, height=height, depth=depth, colour=colour, compression=compression,
                  filtering=filtering, interlace=interlace)
    values.update(fields)
    return assemble([ihdr(**values)] + chunks(base)[1:])


def write(folder, groups):
    base = groups["generated"]["nc08_13x11.png"]  # 13×11 RGB, 8-bit: IHDR, IDAT, IEND
    pairs = chunks(base)
    raw = zlib.decompress(pairs[1][1])  # 11 scanlines of 1 + 39 bytes
    idat_at = 33  # signature 8 + IHDR 25
    files = {
        "empty.png": b"",
        "text.png": b"This is not a picture, just text in a file called .png.\n",
        "signature_only.png": base[:8],
        "truncated_in_ihdr.png": base[:20],
        "truncated_after_ihdr.png": base[:idat_at],
        "truncated_in_idat.png": base[:idat_at + 8 + len(pairs[1][1]) // 2],
        "truncated_last_byte.png": base[:-1],
        "missing_iend.png": base[:-12],
        "bad_crc_ihdr.png": base[:29] + bytes([base[29] ^ 1]) + base[30:],
        "bad_crc_idat.png": base[:idat_at + 8 + 5] + bytes([base[idat_at + 13] ^ 0x10]) + base[idat_at + 14:],
        "bad_adler32.png": with_idat(base, pairs[1][1][:-1] + bytes([pairs[1][1][-1] ^ 0xFF])),
        "idat_stream_cut.png": with_idat(base, pairs[1][1][:len(pairs[1][1]) // 2]),
        "idat_too_short.png": with_idat(base, zlib.compress(raw[:-40])),
        "idat_too_long.png": with_idat(base, zlib.compress(raw + raw[:40])),
        "zlib_bomb.png": assemble([ihdr(16, 16, 8, 0), (b"IDAT", zlib.compress(bytes(4_000_000), 9)),
                                   (b"IEND", b"")]),
        "zlib_bad_method.png": with_idat(base, b"\x77\x09" + pairs[1][1][2:]),
        "zlib_preset_dictionary.png": with_idat(base, b"\x78\xbb" + pairs[1][1][2:]),
        "deflate_block_type_3.png": with_idat(base, zlib_wrap(b"\x07\x00\x00")),
        "deflate_distance_too_far.png": with_idat(base, fixed_block(lambda w: (
            w.fixed_literal(0), w.fixed_literal(9), w.code(1, 7), w.code(6, 5), w.field(3, 2)))),
        "deflate_distance_code_31.png": with_idat(base, fixed_block(lambda w: (
            w.fixed_literal(0), w.code(1, 7), w.code(31, 5)))),
        "filter_type_5.png": with_idat(base, zlib.compress(raw[:3 * 40] + b"\x05" + raw[3 * 40 + 1:])),
        "zero_width.png": with_header(base, width=0),
        "huge_dimensions.png": with_header(base, width=2 ** 31 - 1, height=2 ** 31 - 1, colour=6),
        "width_over_2_31.png": with_header(base, width=2 ** 31),
        "colour_type_1.png": with_header(base, colour=1),
        "colour_type_9.png": with_header(base, colour=9),
        "bit_depth_0.png": with_header(base, depth=0),
        "bit_depth_3.png": with_header(base, depth=3),
        "bit_depth_99.png": with_header(base, depth=99),
        "rgb_bit_depth_4.png": with_header(base, depth=4),
        "compression_method_1.png": with_header(base, compression=1),
        "filter_method_1.png": with_header(base, filtering=1),
        "interlace_method_2.png": with_header(base, interlace=2),
        "missing_ihdr.png": assemble(pairs[1:]),
        "missing_idat.png": assemble([pairs[0], pairs[2]]),
        "unknown_critical_chunk.png": assemble(pairs[:1] + [(b"CRIT", b"must be understood")] + pairs[1:]),
        "idat_not_consecutive.png": assemble(pairs[:1] + [(b"IDAT", pairs[1][1][:20]), (b"tEXt", b"a\0b"),
                                                          (b"IDAT", pairs[1][1][20:])] + pairs[2:]),
        "chunk_length_over_2_31.png": base[:idat_at] + struct.pack(">I", 2 ** 31) + base[idat_at + 4:],
        "second_ihdr.png": assemble(pairs[:1] + pairs[:1] + pairs[1:]),
        "text_mode_damage.png": base.replace(b"\r\n", b"\r\r\n"),
    }
    palette = chunks(groups["generated"]["np04_13x11.png"])  # 16 colours, indices 0...15 used
    files["palette_index_out_of_range.png"] = assemble(
        [(k, d[:6] if k == b"PLTE" else d) for k, d in palette])
    files["missing_plte.png"] = assemble([(k, d) for k, d in palette if k != b"PLTE"])
    files["plte_length_not_multiple_of_3.png"] = assemble(
        [(k, d[:-1] if k == b"PLTE" else d) for k, d in palette])
    os.makedirs(folder, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
