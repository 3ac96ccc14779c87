from distans.agreements.builtin import templates


def test_each_template_says_the_work_environment_management_once():
    """Sweden's systematic work environment management was stated twice (sections 13 and 17)."""
    words = {
        "en": "systematic work",
        "sv": "systematiska arbetsmiljö",
        "nb": "systematiske arbeid",
        "da": "systematiske arbejd",
    }
    for template in templates():
        mentions = [s["key"] for s in template["sections"] if words[template["language"]] in s["body"]]
        expected = ["work_environment"] if template["country"] == "SE" else []
        assert mentions == expected, (template["country"], template["language"], mentions)
