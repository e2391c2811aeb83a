"""Several annotators on one project: merging their files, agreement, adjudication and model quality.

No Qt here: the app and the command line call these functions.
"""
