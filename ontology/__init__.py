"""The vocabulary every stage speaks: the ontology (Turtle), SHACL shapes, IRIs, reference data."""
