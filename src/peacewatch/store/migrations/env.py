"""Alembic environment for the peacewatch store: run with the connection the store passes in
(`config.attributes["connection"]`), against the store's own tables."""

from alembic import context

from peacewatch.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
