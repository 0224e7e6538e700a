package io.reelflow.benchmarks.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link UsageParsers}. */
class UsageParsersTest {

    private static final String TIME_V =
            "\tCommand being timed: \"ffmpeg -filter_complex [0:v]zoompan=z='min(zoom+0.0015,1.5)'\"\n"
                    + "\tUser time (seconds): 24.69\n"
                    + "\tSystem time (seconds): 0.81\n"
                    + "\tPercent of CPU this job got: 131%\n"
                    + "\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:19.40\n"
                    + "\tAverage shared text size (kbytes): 0\n"
                    + "\tAverage unshared data size (kbytes): 0\n"
                    + "\tAverage stack size (kbytes): 0\n"
                    + "\tAverage total size (kbytes): 0\n"
                    + "\tMaximum resident set size (kbytes): 409516\n"
                    + "\tAverage resident set size (kbytes): 0\n"
                    + "\tMajor (requiring I/O) page faults: 0\n"
                    + "\tMinor (reclaiming a frame) page faults: 120934\n"
                    + "\tVoluntary context switches: 20113\n"
                    + "\tInvoluntary context switches: 5520\n"
                    + "\tSwaps: 0\n"
                    + "\tFile system inputs: 0\n"
                    + "\tFile system outputs: 113720\n"
                    + "\tSocket messages sent: 0\n"
                    + "\tSocket messages received: 0\n"
                    + "\tSignals delivered: 0\n"
                    + "\tPage size (bytes): 4096\n"
                    + "\tExit status: 3\n";

    private static final String STATUS =
            "Name:\tjava\n"
                    + "Umask:\t0022\n"
                    + "State:\tS (sleeping)\n"
                    + "Pid:\t4242\n"
                    + "VmPeak:\t 9157328 kB\n"
                    + "VmSize:\t 9091792 kB\n"
                    + "VmLck:\t       0 kB\n"
                    + "VmHWM:\t  512344 kB\n"
                    + "VmRSS:\t  498112 kB\n"
                    + "RssAnon:\t  470000 kB\n"
                    + "Threads:\t31\n";

    @Test
    void shouldReadCpuTimeMaxRssAndExitStatusFromTimeVerbose() {
        UsageParsers.TimeReport report = UsageParsers.parseTimeVerbose(TIME_V);

        assertThat(report.userMillis()).isEqualTo(24_690);
        assertThat(report.systemMillis()).isEqualTo(810);
        assertThat(report.cpuMillis()).isEqualTo(25_500);
        assertThat(report.maxRssKb()).isEqualTo(409_516);
        assertThat(report.exitStatus()).isEqualTo(3);
    }

    @Test
    void shouldRejectATimeReportWithoutMaximumRss() {
        assertThatThrownBy(
                        () ->
                                UsageParsers.parseTimeVerbose(
                                        "\tUser time (seconds): 1.00\n"
                                                + "\tSystem time (seconds): 0.10\n"))
                .hasMessageContaining("maximum resident set size");
    }

    @Test
    void shouldReadKilobyteFieldsOfProcStatus() {
        assertThat(UsageParsers.statusKb(STATUS, "VmHWM")).hasValue(512_344);
        assertThat(UsageParsers.statusKb(STATUS, "VmRSS")).hasValue(498_112);
        assertThat(UsageParsers.statusKb("Name:\tzombie\nState:\tZ (zombie)\n", "VmHWM")).isEmpty();
    }

    @Test
    void shouldAddUserAndSystemTicksOfProcStatEvenWithParenthesesInTheName() {
        String stat =
                "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 90177 0 12 0 "
                        + "2469 81 0 0 20 0 31 0 1234 9310195712 124528 "
                        + "18446744073709551615 1 1 0 0 0 0 0 2 16796926 0 0 0 17 1 0 0 0 0 0";

        assertThat(UsageParsers.cpuTicks(stat)).isEqualTo(2469 + 81);
    }

    @Test
    void shouldRejectTextThatIsNotAStatLine() {
        assertThatThrownBy(() -> UsageParsers.cpuTicks("no parentheses here"))
                .hasMessageContaining("not a /proc/<pid>/stat line");
    }
}
