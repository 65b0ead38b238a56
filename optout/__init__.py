"""optout: switch off AI-training and data-sharing settings, prove it by reading back, keep it off."""

__version__ = "0.1.0"
