"""Helpers the tests and bench scripts share: a real Bolt server to run against."""
