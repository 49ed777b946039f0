"""Conversations and their messages.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("pk", sa.Integer(), primary_key=True),
        sa.Column("public_id", sa.String(32), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("browser_hash", sa.String(64), nullable=True),
        sa.Column("transition", sa.String(120), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_conversations_public_id", "conversations", ["public_id"], unique=True)
    op.create_index("ix_conversations_browser_hash", "conversations", ["browser_hash"])
    op.create_index("ix_conversations_updated_at", "conversations", ["updated_at"])
    op.create_table(
        "messages",
        sa.Column("pk", sa.Integer(), primary_key=True),
        sa.Column("conversation_pk", sa.Integer(),
                  sa.ForeignKey("conversations.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("turn", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("intent", sa.String(64), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("client_message_id", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("conversation_pk", "seq", name="uq_messages_conversation_seq"),
        sa.UniqueConstraint("conversation_pk", "client_message_id", name="uq_messages_conversation_cmid"),
    )
    op.create_index("ix_messages_conversation_turn", "messages", ["conversation_pk", "turn"])


def downgrade() -> None:
    op.drop_index("ix_messages_conversation_turn", table_name="messages")
    op.drop_table("messages")
    op.drop_index("ix_conversations_updated_at", table_name="conversations")
    op.drop_index("ix_conversations_browser_hash", table_name="conversations")
    op.drop_index("ix_conversations_public_id", table_name="conversations")
    op.drop_table("conversations")
