"""Device layer: camera capture and barcode decoding, scanners (keyboard wedge, serial), sounds.

Each device sits behind a small interface with a fake that drives the same code paths
(DESIGN.md habit 8). Modules without ``_qt`` in their name import no Qt, so services and tests
can use them without a QApplication; the ``*_qt`` modules are thin adapters with signals.
"""
