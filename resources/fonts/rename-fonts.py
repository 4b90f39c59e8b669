#!/usr/bin/python3
# Regenerates the bundled document font from Debian's fonts-liberation2 (SIL OFL 1.1).
# The family is renamed to "Vorlagenwerk Sans" so that QFont never resolves to a differently
# versioned system copy of Liberation Sans: the exported pages are identical on every machine.
# Needs python3-fonttools. Run from this folder.
from fontTools.ttLib import TTFont

for style in ["Regular", "Bold", "Italic", "BoldItalic"]:
    font = TTFont(f"/usr/share/fonts/truetype/liberation2/LiberationSans-{style}.ttf")
    for rec in font["name"].names:
        if rec.nameID in (1, 3, 4, 6, 16):
            rec.string = (rec.toUnicode()
                          .replace("Liberation Sans", "Vorlagenwerk Sans")
                          .replace("LiberationSans", "VorlagenwerkSans"))
    font.save(f"VorlagenwerkSans-{style}.ttf")
