/// kubectl's group adder, the one call outside a program's files that semgate models as adding commands (review UC).
///
/// Programs that borrow kubectl's help layout attach their commands with it (minikube from 1.3.0, skaffold from
/// 0.34.0): `templates.CommandGroups{{Message: "Basic Commands:", Commands: []*cobra.Command{startCmd}}}.Add(RootCmd)`,
/// whose body is `for _, group := range g { c.AddCommand(group.Commands...) }`. semgate reads it so: the commands of
/// every group's `Commands` are subcommands of the one command `Add` is given. It reads no other module's code, so no
/// other call the files do not define adds anything, whatever its name (`slog.Record.Add(args ...any)` adds nothing):
/// a command handed only there is in no tree, and its removal is claimed.
///
/// Modelled only for kubectl itself: the import path is kubectl's, the program is not kubectl, and `go.mod` does not
/// replace kubectl by a folder of the repository or by another host's module (``CobraModule/replacedElsewhere``),
/// whose `Add` may do anything.
enum CobraGroupAdder {
    /// The module and the package that declare the adder.
    static let module = "k8s.io/kubectl"
    static let package = "k8s.io/kubectl/pkg/util/templates"
    /// The types whose literals are groups: the list, and one group (an element of it).
    static let types: Set<String> = ["CommandGroups", "CommandGroup"]
    /// The method that adds, and the field of a group that holds its commands.
    static let method = "Add"
    static let commandsField = "Commands"
}
