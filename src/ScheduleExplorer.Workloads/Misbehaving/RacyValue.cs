// Debug.Assert is [Conditional("DEBUG")]: defined here, the assert below is compiled into Release
// builds too, so the harness is checked on the same workload in every configuration.
#define DEBUG
using System.Diagnostics;
using System.Globalization;

namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>A plain field written by one thread and read by another without synchronization.</summary>
internal sealed class RacyValue
{
    private int _value;

    /// <summary>Writer thread body.</summary>
    public void Write()
    {
        _value = 1;
    }

    /// <summary>Reader thread body: a racy read, then a failing <see cref="Debug.Assert(bool, string)"/>.</summary>
    public void ReadThenAssert()
    {
        var observed = _value;

        // Built into a local first so the plain Debug.Assert(bool, string) overload is called, not the
        // interpolated-string-handler overload, keeping the IL simple for the rewriter.
        var message = "Debug.Assert(false) after reading value " + observed.ToString(CultureInfo.InvariantCulture);
        Debug.Assert(false, message);
    }
}
