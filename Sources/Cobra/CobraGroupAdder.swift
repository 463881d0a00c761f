/// kubectl's group adder, the one call outside a program's files that semgate models as adding commands (review UC).
///
/// Programs that borrow kubectl's help layout attach their commands with it (minikube from 1.3.0, skaffold from
/// 0.34.0): `templates.CommandGroups{{Message: "Basic Commands:", Commands: []*cobra.Command{startCmd}}}.Add(RootCmd)`,
/// whose body is `for _, group := range g { c.AddCommand(group.Commands...) }`. semgate reads it so: the commands of
/// every group's `Commands` are subcommands of the one command `Add` is given. It reads no other module's code, so no
/// other call the files do not define adds anything, whatever its name (`slog.Record.Add(args ...any)` adds nothing):
/// a command handed only there is in no tree, and its removal is claimed.
///
/// Modelled only for kubectl itself: the import path is kubectl's, the program is not kubectl, and nothing in the
/// repository makes Go build other code for that path (``CobraModule/groupAdderElsewhere(goMods:tree:)``: a `go.work`,
/// a `vendor/` copy that is not kubectl's published file, a `replace` of kubectl by a folder or another host's module,
/// a `require` or `replace` of a module under kubectl's path), whose `Add` may do anything. Then a note says why.
public enum CobraGroupAdder {
    /// The module and the package that declare the adder.
    public static let module = "k8s.io/kubectl"
    public static let package = "k8s.io/kubectl/pkg/util/templates"
    /// The types whose literals are groups: the list, and one group (an element of it).
    static let types: Set<String> = ["CommandGroups", "CommandGroup"]
    /// The method that adds, and the field of a group that holds its commands.
    static let method = "Add"
    static let commandsField = "Commands"
    /// The file of ``package`` that declares the adder, and its git blob id as kubectl has published it: unchanged
    /// from kubectl's first commit (June 2019) to its HEAD in December 2026. A `vendor/` copy is kubectl's code when
    /// its file is this blob (no other file of a Go package can redeclare the type or its method).
    public static let file = "command_groups.go"
    public static let publishedBlob = "447a39621f7e5ba249238b075de7f0e6960ed6f5"
    /// The folders from a `vendor/` folder to the package.
    public static let vendorPath = ["k8s.io", "kubectl", "pkg", "util", "templates"]
}
