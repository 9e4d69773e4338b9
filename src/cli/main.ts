// The pullpolicy command line; filled in by the CLI issues.
console.log("pullpolicy");
