"""The project file's named reads and writes, by what asks for them: each module is a part of ``db.ProjectDb``
(``project.db.NAME(...)``), so a module of the core names what it wants and the SQL stays in the data-access
layer."""
