// Public surface of src/policy; filled in by its issue.
export {};
