"""Text structure: lines, paragraphs and sentences, as offsets into a string."""
