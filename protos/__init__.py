"""Protobuf contracts between gateway and workers, and their generated modules."""
