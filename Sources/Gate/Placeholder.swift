// Placeholder: replaced as the Gate layer is written.
