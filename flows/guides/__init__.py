"""Guides: one module per platform id, each defining GUIDE, an optout.guide.Guide.

A guide lives here, not in `flows/<id>.py`, so that a platform with automated settings (its
flow module) can also have a guide (a form, an email) without either file touching the other.
A platform with only a guide has a module here and none in `flows/`.
"""
