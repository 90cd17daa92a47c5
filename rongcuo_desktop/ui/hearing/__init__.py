"""The hearing: the presenter console and the audience window on the projector."""
