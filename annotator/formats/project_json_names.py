"""What the project's JSON export and its reader share: the file's format marker and version (the writer writes
them, the reader checks them, telling a file's format looks for the marker)."""

FORMAT = "annotator-json"
# 2: events carry state, source, score and alternatives (version 1 files still read: their events are accepted);
# 3: entities carry score too (versions 1 and 2 still read: their entities have none);
# 4: entities and events carry edited, whether a person changed them after they were made (a suggestion relabelled,
# resized, retyped, its arguments or attributes changed); older files read as edited by nobody (they do not say);
# 5: a document whose file began with a UTF-8 byte order mark says so ("bom": true, only then); older files read as
# without one (they do not say)
# 6: the stored tokens carry the parse's noun heads ("noun_heads", where stored: session 33); older files read as
# without them (a role key then offers the sentence's entity spans alone)
# 7: the noun heads carry the version of the rules that found them ("heads_version", where stored: session 42, of
# migration 13); older files read as heads of unknown rules (said as older ones, as a project before migration 13)
VERSION = 7
