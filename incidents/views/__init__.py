"""Views of a dataset for people: the summary, the Mermaid diagrams, the model reference.

Views read records and never change them; they sit above validation in the layering of
``docs/architecture.md``.
"""

from incidents.views.diagrams import escalation_graph
from incidents.views.reference import model_reference_markdown
from incidents.views.summary import contested_facts, render

__all__ = ["contested_facts", "escalation_graph", "model_reference_markdown", "render"]
