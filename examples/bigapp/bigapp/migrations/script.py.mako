"""${message}

Created ${create_date}.
"""

% if "sa." in upgrades + downgrades:
import sqlalchemy as sa
% endif
from alembic import op
${imports if imports else ""}
# Alembic's revision identifiers: this revision, and the one it follows.
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}
