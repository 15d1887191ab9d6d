"""MeetingRoom: run accessible, inclusive co-production meetings, offline."""

__version__ = "0.1.0"
APP_NAME = "MeetingRoom"
