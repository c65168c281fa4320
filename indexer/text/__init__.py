"""The Vietnamese text layer: spelling, syllables, Telex and the lexicons; it knows no index."""
