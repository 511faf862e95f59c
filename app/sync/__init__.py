"""The console's side of the central API: wire protocol, client, outbox, status provider chain."""
