/// Every bound semgate puts on work, stack and memory that repository content could otherwise make unbounded.
///
/// Everything semgate reads (Go source, list files, the policy, file names, tags) is written by whoever opened the
/// pull request, so each recursive walk over it has a depth limit and each run has budgets for the work it does.
/// Hitting a depth limit in one declaration drops that declaration with a syntax error or a note; hitting a per-run
/// budget stops the run with exit 2 and a message naming what was too large. docs/limits.md lists these.
public enum Limit {
    // MARK: Depth (stack): each recursive walk stops here instead of overflowing the stack.

    /// Nesting of one Go type expression (`*[]map[K]*T`, nested `struct`/`func` types). Real code nests a handful
    /// of levels; 200 levels of the parser's recursion stay far inside a 512 KiB thread stack.
    public static let goTypeDepth = 200

    /// Nesting of one constant expression (parentheses, unary operators, conversions). Go's own parser allows
    /// more, but no real constant nests beyond a dozen levels; 200 keeps the evaluator's stack small.
    public static let goExpressionDepth = 200

    /// Nesting of expressions and blocks in one Go function body (calls in calls, closures in closures). Real
    /// code nests a few dozen levels; the body parser recurses a few frames a level.
    public static let goBodyDepth = 400

    /// Depth of one expression tree in a Go function body or initialiser, counting the links of left-to-right
    /// chains (`a + b + c`, `x.f().g()[0]`) that the parser builds in a loop rather than by recursion, and what a
    /// function literal inside it holds. Freeing a tree and every walk over it recurse once a level, on whatever thread
    /// lets it go (an 8 MiB main thread at least); 5,000 levels take well under 1 MiB there. Real chains are a few
    /// dozen links long (the longest `else if` chain in 11 large Go programs is 36).
    public static let goBodyExpressionDepth = 5_000

    /// The stack of the thread the cobra interpreter runs on (``StackGuard/withStack(_:_:)``), whose depth limits
    /// multiply (64 calls, each nesting up to `goBodyDepth` levels): address space, of which a run uses what its code
    /// nests (a few hundred KB for real programs in a release build, ten times that in a debug build). Past it the
    /// extraction stops (``StackGuard``, exit 2).
    public static let interpreterStack = 512 << 20

    /// Function bodies (and function literals) one run of the cobra interpreter may run or replay: calls are shared
    /// by their arguments, but code whose calls never repeat their arguments does not settle. Real command lines run
    /// a few hundred to 37,655 (rclone's, the most of 16 projects measured); past it the extraction stops (exit 2).
    public static let interpreterRuns = 400_000

    /// Calls (a function with one set of arguments, kept with what it did) one run of the cobra interpreter may keep:
    /// rclone's command line keeps 31,436, the most of 16 projects measured; yq's expression evaluator kept 3.8 GB
    /// of them before `interpreterRuns` stopped it. Past it the extraction stops (exit 2).
    public static let interpreterCalls = 131_072

    /// Steps one run of the cobra interpreter may take: expressions evaluated, objects field reads go through, reads
    /// its records keep, values of the arguments of the calls it keeps. Runs and calls are bounded above, but one run's
    /// cost grows with the sets of objects its calls get and its field reads go through: yq's expression evaluator,
    /// whose operators call each other through a table of handlers with ever other sets of its contexts, took minutes
    /// and gigabytes within those bounds, and minikube's field reads through every node a helper may have written into
    /// a list kept 86 million reads (2.4 GB) in 2.6 million other steps (about 50 bytes and 0.6 µs a step in a release
    /// build). The most of the 35 projects of the team's set at HEAD is argo-cd's 5.3 million steps and 1.5 million
    /// reads (and 3.2 million at its 3.4.0), then rclone's 2.5 million; past it the extraction stops (exit 2, naming
    /// the release and the surface).
    public static let interpreterSteps = 12_000_000

    /// Embedding and naming followed through interfaces, structs and aliases (interface method sets, promoted
    /// members, comparability, alias chains), within a package and into the module's other packages. Deeper chains
    /// are cut with a note (comparability counts a name that deep as comparable); real APIs embed a few levels, and
    /// each level may hold a type `goTypeDepth` deep, so the stack stays bounded by their product. Each name is
    /// worked out once per package built, and each package of the module is parsed at most once per revision, so
    /// cycles (which Go rejects, but a hostile repository need not compile) and diamonds cost one visit a name.
    public static let goEmbeddingDepth = 32

    /// Folders nested below a tree's root. The surface reader's, go-packages' and go-api's walks recurse once a
    /// level (a few KB of stack a level in a debug build), so 1,000 levels stay within a few MB; `walkFiles` keeps
    /// open folders on an explicit stack (each holds its listing and path, so depth bounds memory). Real
    /// repositories nest a few dozen; `HostileInputTests` reads a package 1,000 deep with each surface walk.
    public static let treeDepth = 1000

    /// Files and folders one walk over a revision's folders lists, each folder counting its entries every time the
    /// walk enters it: git names a folder tree by its content, so three trees of 1,000 entries, each listing the
    /// next 1,000 times, are a few KB that name a billion folders. Walks whose answer does not depend on the path
    /// (whether a tree holds Go source) list a shared tree once; the others (file globs match paths) stop here with
    /// exit 2 naming the folder. The largest tree of the projects semgate is checked on holds 20,000 files and
    /// folders (skaffold), the Linux kernel's about 90,000.
    public static let treeEntriesPerWalk = 1_000_000

    /// Nesting of YAML collections in a policy: libyaml's own limit, which its parser enforces before the
    /// composer (which recurses per level) sees the node; a policy nests about six levels. Recorded here, not set.
    public static let yamlDepth = 1000

    // MARK: Size (memory): values built from the repository stay proportionate to it.

    /// The longest string constant the evaluator builds (bytes). Doubling a string 33 times would need 8 GiB;
    /// beyond this the value is left unevaluated with a note.
    public static let goConstantBytes = 64 * 1024

    /// Bytes of string constants the evaluator builds in one run. Each value is capped by `goConstantBytes`; this
    /// caps their sum (many constants each concatenating a long one). Beyond it the run stops (exit 2): leaving the
    /// rest unevaluated would make a value's presence depend on what the command read before it (`audit` reads
    /// every release), and a value present at one release and missing at the next is a change nobody made.
    public static let goConstantBytesPerRun = 64 * 1024 * 1024

    /// Decoded file texts kept for reuse within one revision (bytes): two extractors reading one file read it
    /// once, but memory follows the largest file, not the sum of every file read.
    public static let textCacheBytes = 32 * 1024 * 1024

    /// Parsed source files (Go syntax, cobra sources) kept between revisions, in estimated bytes
    /// (`parsedBytesPerSourceByte` a byte of source), least recently used first to go. A file that did not change
    /// between two tags is parsed once while it stays in use, and memory follows this bound instead of growing with
    /// every distinct file of the history (a history of 10,000 tags has tens of thousands). A revision's own files
    /// are held while it is read, whatever the bound.
    public static let parsedFileCacheBytes = 128 * 1024 * 1024

    /// The estimate of a parsed file's memory a byte of its source: a Go file's tokens and syntax take about 16
    /// times its text (38 KB for a 2.3 KB file, measured).
    public static let parsedBytesPerSourceByte = 16

    /// Extracted results kept between revisions by each extractor cache (items per file, package, list file or
    /// command tree, folder listings; estimated bytes), least recently used first to go: a release that changed
    /// nothing reuses them, and memory follows this bound, not the length of the history.
    public static let itemCacheBytes = 64 * 1024 * 1024

    /// The persistent extraction cache's total size on disk (bytes; `--cache`, `$XDG_CACHE_HOME/semgate`). A run
    /// that finds more removes the least recently used entries first (down to three quarters of this), and a run
    /// writes no more than what is left below it; two runs at once may each write up to that before the next run
    /// prunes. k6's whole audit (121 releases, the example policy) takes 50 MB in 3,400 files.
    public static let extractionCacheBytes = 512 * 1024 * 1024

    /// The largest persistent cache file semgate writes or reads (bytes): a larger result is not stored, a larger
    /// file is ignored unread, so an entry planted or damaged in the cache cannot make memory unbounded.
    public static let extractionCacheEntryBytes = 64 * 1024 * 1024

    /// Folder listings kept between revisions (estimated bytes), least recently used first to go: a folder that did
    /// not change between two tags is listed once while it stays in use, and memory does not grow with every
    /// distinct folder of the history.
    public static let treeCacheBytes = 64 * 1024 * 1024

    /// File paths whose glob matches the surface reader remembers (a path and the slots of the extractors whose
    /// globs match it, about 100 bytes each: 20 MB at most). k6's 121 release tags hold 7,300 distinct paths in all;
    /// a history with more forgets them all and matches them again.
    public static let rememberedPaths = 200_000

    /// libgit2's cache of decoded objects, a repository handle (bytes; libgit2's default is 256 MB). semgate's own
    /// caches keep the folder listings and files it reuses, so a long history would otherwise fill libgit2's cache
    /// with trees of old releases, a few hundred MB for 10,000 tags.
    public static let gitObjectCacheBytes = 16 * 1024 * 1024

    /// Go source read into memory at once before it is parsed in parallel (bytes); files are parsed in batches of
    /// this size, so memory follows the largest file, not the sum of a revision's files.
    public static let goParseBatchBytes = 64 * 1024 * 1024

    // MARK: Per-run budgets (time): the sum over every file and revision of one command.

    /// Pattern VM steps one search (one file) may take; a pattern that needs more is reported with its file.
    public static let patternStepsPerFile = 200_000_000

    /// Pattern VM steps of a whole run, over every file and revision: about 13 s of matching on one core (the VM
    /// takes about 150 million steps a second). k6's audit of 121 releases spends 3 million.
    public static let patternStepsPerRun = 2_000_000_000

    /// The largest file semgate reads (bytes), checked from the object header before the file is loaded: a file
    /// an extractor reads is held whole, decoded, so this bounds memory. Generated Go files reach a few MB.
    public static let fileBytes: Int64 = 256 * 1024 * 1024

    /// Bytes of file content and folder listings read in one run, over every revision; a file read at several
    /// paths, or too large for the shared text cache, counts at each read. k6's audit of 121 releases reads 37 MB.
    public static let bytesReadPerRun: Int64 = 2 * 1024 * 1024 * 1024

    /// Surface items extractors build in one run, counted before duplicates merge: the items they keep in their
    /// caches for the rest of the run, so this bounds that memory and the extraction work. Items reused from a cache
    /// (a file, package or folder that did not change since a revision read before) are not built again and do not
    /// count: a long history of unchanged files costs no budget. A file that yields millions of matches stops here,
    /// before they are built.
    public static let itemsPerRun = 10_000_000

    /// Items the extractors hand over for one revision, built or reused, before duplicates merge: bounds the merge
    /// work and memory of one revision, which the run budget no longer does for reused items (ten extractors
    /// reading one cached list of a million lines hand over ten million). k6 hands over about 3,000 a release.
    public static let itemsHandedOverPerSnapshot = 4_000_000

    /// Items one surface snapshot may hold: memory follows the surface, and a surface this large is no API.
    public static let itemsPerSnapshot = 1_000_000

    /// Changes and findings `audit` keeps for its report over every release (each about 1.5 KB in memory, more in
    /// the output): every release's surface is let go as the run streams, but what it found is reported at the end,
    /// so this bounds the report. The largest audits seen are far below it: k6's 121 releases keep about 35,000.
    public static let reportEntriesPerRun = 500_000

    /// Releases asked about one at a time, greatest first, when a command needs the greatest release reachable from
    /// a revision (`check` and `next` without `--base`, `deprecations`): each answer walks only the commits between
    /// the two, and a release branch's head, or a main branch past its last release, has it among the first. Past
    /// these the whole history is walked once, so the cost stays within a few walks of it.
    public static let reachabilityQuestions = 4

    /// Steps of the search for where two release lines forked, for every release of one run tagged before its
    /// predecessor on another line (fork blame, `audit`): a commit passed over or a parent edge followed is one step,
    /// on the history read once with every run of commits with one parent and one child as one edge. The questions are
    /// answered together, up to 64 a pass over the history, shallowest first (review R97). Past it no further change
    /// is excused, with a note. Real histories need a few thousand a release; 1,000 releases on two lines of 15,000
    /// merges each (every commit a merge, nothing to fold) a few hundred thousand in all.
    public static let forkBlameSteps = 5_000_000

    /// Instructions a policy pattern may compile to: counted repetitions multiply a program's size.
    public static let patternInstructions = 20_000

    /// Alternatives a glob's braces may expand to (`{a,b}{c,d}` is four).
    public static let globAlternatives = 1024

    /// Nesting of a glob's braces (`{a,{b,{c,d}}}`): expanding them recurses once a level, and a policy is written
    /// by whoever opens the pull request (100,000 nested braces overflowed the stack). Real globs nest one or two.
    public static let globBraceDepth = 100

    /// Glob alternatives (`{a,b}` counts two) one policy may match against every item or tag: `include`, `exclude`,
    /// `experimental`, exceptions' `items` and `releases.ignore`. Each is tried on every item id a run meets, so a
    /// policy written by whoever opens the pull request could otherwise make a run take hours (40,000 globs against
    /// 5,000 items took 343 s); real policies use tens, a few hundred at most.
    public static let itemGlobAlternatives = 4096

    /// Bytes of the strings a policy's settings read, a YAML alias counting its anchor's text each time it is used:
    /// one 1 MB anchor used 10,000 times is 10 GB of globs and patterns to compile. A policy holds a few KB.
    public static let policyTextBytes = 16 << 20
}
