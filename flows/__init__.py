"""One module per platform; each defines FLOW, a subclass of optout.flow.Flow."""
