package org.dxaflow.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dxaflow.dicom.testing.Dcmtk;

/** What a scanner does, done with DCMTK: make an object from a dump, ask the worklist, send by C-STORE. */
final class ScannerTools {

    private final Path work;
    private final int dicomPort;

    ScannerTools(Path work, int dicomPort) {
        this.work = work;
        this.dicomPort = dicomPort;
    }

    /** dump2dcm of dump text. */
    Path object(String dump, String name) throws Exception {
        return Dcmtk.dump2dcmText(dump, StandardCharsets.ISO_8859_1, work, name, "--write-file");
    }

    void storescu(Path... files) throws Exception {
        List<String> args = new ArrayList<>(List.of("-aet", "DXASCAN1", "-aec", "DXAFLOW", "127.0.0.1",
                Integer.toString(dicomPort)));
        Arrays.stream(files).map(Path::toString).forEach(args::add);
        Dcmtk.Result r = Dcmtk.run("storescu", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
    }

    /** The Study Instance UID the worklist gives for an accession number (findscu -W). */
    String studyUidFromWorklist(String accession) throws Exception {
        Path out = Files.createTempDirectory(work, "find");
        Dcmtk.Result r = Dcmtk.run("findscu", "-W", "-aet", "DXASCAN1", "-aec", "DXAFLOW", "-X", "-od",
                out.toString(), "127.0.0.1", Integer.toString(dicomPort), "-k", "AccessionNumber=" + accession,
                "-k", "StudyInstanceUID", "-k", "ScheduledProcedureStepSequence[0].Modality");
        assertEquals(0, r.exitCode(), r.output());
        List<Path> responses;
        try (Stream<Path> files = Files.list(out)) {
            responses = files.filter(p -> p.getFileName().toString().startsWith("rsp")).toList();
        }
        assertEquals(1, responses.size(), "one worklist item for " + accession);
        Dcmtk.Result d = Dcmtk.run("dcmdump", responses.get(0).toString());
        Matcher m = Pattern.compile("\\(0020,000d\\) UI \\[([^\\]]*)]").matcher(d.output());
        assertTrue(m.find(), d.output());
        return m.group(1);
    }
}
