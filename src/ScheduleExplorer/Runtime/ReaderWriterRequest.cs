namespace ScheduleExplorer.Runtime;

/// <summary>The three kinds of <see cref="ReaderWriterLockSlim"/> acquisition.</summary>
internal enum ReaderWriterRequest
{
    Read,
    Upgradeable,
    Write,
}
