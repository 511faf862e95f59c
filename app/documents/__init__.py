"""What the console prints or exports: receipts (PDF, ESC/POS), reports (PDF, CSV, XLSX), the poster.

Everything here renders from the plain frozen dataclasses of `app.documents.data`; nothing imports
Qt or SQLAlchemy, so services, the command line and tests can make every document headless.
"""
