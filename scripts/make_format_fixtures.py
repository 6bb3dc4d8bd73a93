#!/usr/bin/env python3
"""Make the LibreOffice-written fixtures of tests/formats.rs from a speech typed as text.

    python3 scripts/make_format_fixtures.py [--outdir DIR]

Reads tests/fixtures/formats/auto_numbered_speech.txt, writes it as a flat OpenDocument text
whose headings are numbered by LibreOffice's outline numbering (一、 （一） 1., the markers taken
off the text so that LibreOffice computes them), with a 16 pt CJK TrueType font (WenQuanYi Zen
Hei, Debian's fonts-wqy-zenhei) so that lines wrap, and a page number in the footer; then has
LibreOffice (soffice, Debian's libreoffice-writer-nogui) save it as

    tests/fixtures/formats/libreoffice_outline_numbered.docx   (a real .docx: numbering.xml,
                                                               heading styles tied to list levels)
    tests/fixtures/formats/pdf_embedded_cjk_font.pdf           (the font embedded as a subset)

With --outdir DIR they are written into DIR instead (tests/formats.rs does so, to read what
the installed LibreOffice makes today). Their bytes differ from run to run (dates, ids).
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "formats")
SPEECH = os.path.join(FIXTURES, "auto_numbered_speech.txt")
FONT = "WenQuanYi Zen Hei"

LEVELS = [
    (re.compile(r"^[一二三四五六七八九十]+、"), 1),
    (re.compile(r"^（[一二三四五六七八九十]+）"), 2),
    (re.compile(r"^[0-9]+\."), 3),
]

OUTLINE = """
<text:outline-style style:name="Outline">
  <text:outline-level-style text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
      <style:list-level-label-alignment text:label-followed-by="nothing"/>
    </style:list-level-properties>
  </text:outline-level-style>
  <text:outline-level-style text:level="2" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
      <style:list-level-label-alignment text:label-followed-by="nothing"/>
    </style:list-level-properties>
  </text:outline-level-style>
  <text:outline-level-style text:level="3" style:num-format="1" style:num-suffix=".">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
      <style:list-level-label-alignment text:label-followed-by="nothing"/>
    </style:list-level-properties>
  </text:outline-level-style>
</text:outline-style>
"""


def fodt(lines):
    body = []
    for line in lines:
        level = next((lv for rx, lv in LEVELS if rx.match(line)), None)
        if level is None:
            body.append(f'<text:p text:style-name="Body">{html.escape(line)}</text:p>')
        else:
            rest = next(rx for rx, lv in LEVELS if lv == level).sub("", line, count=1)
            body.append(
                f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
                f"{html.escape(rest)}</text:h>"
            )
    heading_styles = "".join(
        f'<style:style style:name="Heading_20_{n}" style:display-name="Heading {n}" '
        f'style:family="paragraph" style:parent-style-name="Body" '
        f'style:default-outline-level="{n}"><style:text-properties fo:font-weight="bold" '
        f'style:font-weight-asian="bold"/></style:style>'
        for n in (1, 2, 3)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
  <style:font-face style:name="{FONT}" svg:font-family="'{FONT}'" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
  <style:style style:name="Body" style:family="paragraph">
    <style:paragraph-properties fo:text-indent="0.45in" fo:line-height="150%"/>
    <style:text-properties style:font-name="{FONT}" style:font-name-asian="{FONT}"
      fo:font-size="16pt" style:font-size-asian="16pt" fo:language="zh" fo:country="CN"
      style:language-asian="zh" style:country-asian="CN"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Body">
    <style:paragraph-properties fo:text-align="center" fo:text-indent="0in"/>
  </style:style>
  {heading_styles}
  {OUTLINE}
</office:styles>
<office:automatic-styles>
  <style:page-layout style:name="A4">
    <style:page-layout-properties fo:page-width="8.27in" fo:page-height="11.69in"
      fo:margin-top="1in" fo:margin-bottom="0.8in" fo:margin-left="1.1in" fo:margin-right="1.1in"/>
  </style:page-layout>
</office:automatic-styles>
<office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4">
    <style:footer><text:p text:style-name="Footer">- <text:page-number text:select-page="current">1</text:page-number> -</text:p></style:footer>
  </style:master-page>
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body>
</office:document>
"""


def convert(src, fmt, outdir):
    subprocess.run(
        ["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main():
    outdir = FIXTURES
    if "--outdir" in sys.argv:
        outdir = sys.argv[sys.argv.index("--outdir") + 1]
    if not shutil.which("soffice"):
        sys.exit("needs soffice: apt-get install libreoffice-writer-nogui fonts-wqy-zenhei")
    with open(SPEECH, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "speech.fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fodt(lines))
        convert(src, "docx:MS Word 2007 XML", tmp)
        convert(src, "pdf", tmp)
        made = {
            "libreoffice_outline_numbered.docx": os.path.join(tmp, "speech.docx"),
            "pdf_embedded_cjk_font.pdf": os.path.join(tmp, "speech.pdf"),
        }
        for name, path in made.items():
            shutil.copy(path, os.path.join(outdir, name))
            print(f"wrote {os.path.join(outdir, name)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
