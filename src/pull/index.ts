// Public surface of src/pull; filled in by its issue.
export {};
