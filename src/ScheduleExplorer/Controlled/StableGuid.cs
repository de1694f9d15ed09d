using System.Buffers.Binary;

namespace ScheduleExplorer.Controlled;

/// <summary>Version-4-shaped GUIDs from a pair of numbers: a fixed mix, so the same pair gives the same GUID in any process.</summary>
internal static class StableGuid
{
    /// <summary>The GUID for (<paramref name="operation"/>, <paramref name="sequence"/>).</summary>
    public static Guid Create(int operation, long sequence)
    {
        ulong high = SplitMix(((ulong)(uint)operation << 40) ^ (ulong)sequence ^ 0x5C4E_D0CE_A1B2_C3D4UL);
        ulong low = SplitMix(high ^ (ulong)sequence);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, high);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], low);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private static ulong SplitMix(ulong value)
    {
        value += 0x9E37_79B9_7F4A_7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return value ^ (value >> 31);
    }
}
