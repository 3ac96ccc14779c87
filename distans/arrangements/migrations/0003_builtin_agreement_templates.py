from django.db import migrations

# The built-in agreement templates were installed here while agreements lived in this app; they are now
# installed by agreements' own migration (agreements 0003), so this app does not import the one above it.


class Migration(migrations.Migration):
    dependencies = [("arrangements", "0002_agreements")]
    operations = []
