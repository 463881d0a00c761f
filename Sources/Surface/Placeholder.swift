// Placeholder: replaced as the Surface layer is written.
