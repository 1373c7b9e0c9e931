/// An error a user can act on: its description names the file or setting, what is wrong and what
/// to do (`sturing: error: <description>`). `sturing`'s main prints every one of them in one place
/// and exits with 2, so a command need not wrap them.
public protocol UserError: Error, CustomStringConvertible {}
