"""Whether a body labelled as text is binary data: an image, an archive or a program that a
server sends as ``text/html``. Such a body is skipped with the reason, never indexed.

Three signs, on the first bytes: a file format's magic number (from each format's own
specification; the list in WHATWG MIME Sniffing, section 6, https://mimesniff.spec.whatwg.org/,
names most), a NUL byte outside UTF-16 text (WHATWG MIME Sniffing 7.1 calls a NUL a "binary
data byte" that text never holds), and a high share of other control bytes, which text
in any ASCII-compatible encoding (Latin-1, Shift_JIS, GBK, UTF-8) holds almost none of.
"""

from __future__ import annotations

HEAD_BYTES = 4096  # bytes looked at
MAX_CONTROL_SHARE = 0.05  # share of control bytes (not tab, line feed, form feed, return)
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", None),  # a BMP image, only with its header's reserved zeros (below)
    (b"\x00\x00\x01\x00", "an icon"),
    (b"PK\x03\x04", "a ZIP archive (or an Office file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", None),  # bzip2, only with a block size digit (below)
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", None),  # a Windows program, only with its PE header offset (below)
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x1aE\xdf\xa3", "a WebM or Matroska video"),
    (b"%!PS", "a PostScript file"),
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _magic(head: bytes) -> str | None:
    for magic, what in MAGIC:
        if not head.startswith(magic):
            continue
        if what is not None:
            return what
        if magic == b"BM" and head[6:10] == b"\x00\x00\x00\x00":
            return "a BMP image"
        if magic == b"BZh" and head[3:4].isdigit():
            return "a bzip2 archive"
        if magic == b"MZ" and b"\x00" in head[2:64]:
            return "a Windows program"
    if head[4:8] == b"ftyp":
        return "an MP4 or QuickTime video"
    return None


def binary_reason(head: bytes) -> str | None:
    """Why the body starting with ``head`` is binary data rather than text ("a PNG image",
    "NUL bytes", "12% control bytes"), or None when it may be text."""
    head = head[:HEAD_BYTES]
    what = _magic(head)
    if what:
        return what
    if head.startswith(UTF16_BOMS):
        return None
    if b"\x00" in head:
        return "NUL bytes"
    controls = sum(1 for b in head if b < 0x20 and b not in b"\t\n\x0c\r" or b == 0x7F)
    if head and controls / len(head) > MAX_CONTROL_SHARE:
        return f"{controls / len(head):.0%} control bytes"
    return None
