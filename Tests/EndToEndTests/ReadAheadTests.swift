import Foundation
import Testing
import TestSupport

/// `audit` and `deprecations` read surfaces on a second thread unless `SEMGATE_JOBS=1`; the output must not depend
/// on it, byte for byte.
@Suite("One thread or two: the same output")
struct ReadAheadTests {
    @Test(
        "audit and deprecations give byte-identical output with SEMGATE_JOBS=1 and 2",
        arguments: [
            ["audit", "--format", "json"], ["audit", "--from", "2.0.0", "--format", "json"], ["audit"],
            ["deprecations", "--format", "json", "--at", "2025-09-01"],
        ])
    func sameOutput(arguments: [String]) throws {
        let sample = try FixtureRepository()
        try SampleProject.build(in: sample)
        let lifecycle = try FixtureRepository()
        try LifecycleProject.build(in: lifecycle)
        for repo in [sample, lifecycle] {
            let serial = try runSemgate(
                arguments + ["--repo", repo.url.path], environment: ["SEMGATE_JOBS": "1", "NO_COLOR": "1"])
            let parallel = try runSemgate(
                arguments + ["--repo", repo.url.path], environment: ["SEMGATE_JOBS": "2", "NO_COLOR": "1"])
            expectNoCrash(serial)
            #expect(serial.status == 0 || serial.status == 1, "stderr: \(serial.stderr)")
            #expect(!serial.stdout.isEmpty)
            #expect(parallel == serial)
        }
    }

    @Test("a release that two surfaces read on two threads cannot read fails with the error one thread gives")
    func sameFailure() throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            project: demo
            surfaces:
              flags:
                extract:
                  list: policy/flags.txt
              cli:
                extract:
                  cobra: {files: ["cmd/*.go"], root: demo}

            """)
        let command = """
            package cmd

            import "github.com/spf13/cobra"

            var rootCmd = &cobra.Command{Use: "demo"}

            """
        for (index, extra) in ["", "// two\n", "// three\n"].enumerated() {
            try repo.write("policy/flags.txt", "alpha\n" + String(repeating: "beta\n", count: index))
            try repo.write("cmd/root.go", command + extra)
            try repo.commit("release \(index)")
            try repo.tag("v1.\(index).0")
        }
        // The second release lacks both surfaces' files: one thread reads `flags` first and names its file.
        for path in ["policy/flags.txt", "cmd/root.go"] {
            let blob = try repo.git("rev-parse", "v1.1.0:" + path)
            try FileManager.default.removeItem(at: FailClosedFixtures.looseObject(blob, in: repo))
        }
        for arguments in [["audit", "--format", "json"], ["deprecations", "--format", "json"]] {
            let serial = try runSemgate(
                arguments + ["--repo", repo.url.path], environment: ["SEMGATE_JOBS": "1", "NO_COLOR": "1"])
            let parallel = try runSemgate(
                arguments + ["--repo", repo.url.path], environment: ["SEMGATE_JOBS": "2", "NO_COLOR": "1"])
            expectNoCrash(serial)
            #expect(serial.status == 2, "stderr: \(serial.stderr)")
            #expect(serial.stderr.contains("policy/flags.txt"), "stderr: \(serial.stderr)")
            #expect(parallel == serial)
        }
    }

    @Test("SEMGATE_JOBS that is not a whole number of 1 or more is an error naming it")
    func badJobs() throws {
        let repo = try sampleRepository()
        let result = try runSemgate(["audit", "--repo", repo.url.path], environment: ["SEMGATE_JOBS": "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("SEMGATE_JOBS"))
        expectNoCrash(result)
    }
}
