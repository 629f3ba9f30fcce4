using Scoran.Core;

namespace Scoran.Observatory.Eligibility;

/// <summary>
/// The snapshot in use, loaded once and shared by every request. The file named in
/// <c>current.txt</c> of the files folder is the current release; an import in another process
/// (the CLI) is noticed within a second, when that pointer changes.
/// </summary>
public sealed class EligibilityStore(ScoranFiles files)
{
    public const string PointerFile = "current.txt";
    private readonly Lock _gate = new();
    private EligibilityIndex? _index;
    private DateTime _pointerWrite;
    // Far enough in the past that the first call reads the pointer, without overflowing the subtraction.
    private long _checkedAt = long.MinValue / 4;

    public string Folder => files.Folder("eligibility");

    /// <summary>The current index, or null when no release was imported.</summary>
    public EligibilityIndex? Current
    {
        get
        {
            var now = Environment.TickCount64;
            if (now - Volatile.Read(ref _checkedAt) < 1000)
            {
                return _index;
            }

            lock (_gate)
            {
                if (now - _checkedAt < 1000)
                {
                    return _index;
                }

                var pointer = Path.Combine(Folder, PointerFile);
                var written = File.Exists(pointer) ? File.GetLastWriteTimeUtc(pointer) : DateTime.MinValue;
                if (written != _pointerWrite || (_index is null && written != DateTime.MinValue))
                {
                    _index = written == DateTime.MinValue ? null : EligibilityIndex.Load(Path.Combine(Folder, File.ReadAllText(pointer).Trim()));
                    _pointerWrite = written;
                }

                Volatile.Write(ref _checkedAt, now);
                return _index;
            }
        }
    }

    /// <summary>Puts an index just imported in this process in use without reading it back.</summary>
    public void Publish(EligibilityIndex index)
    {
        lock (_gate)
        {
            _index = index;
            var pointer = Path.Combine(Folder, PointerFile);
            _pointerWrite = File.Exists(pointer) ? File.GetLastWriteTimeUtc(pointer) : DateTime.MinValue;
            Volatile.Write(ref _checkedAt, Environment.TickCount64);
        }
    }

    public static string SnapshotFileName(string vintage) => $"{vintage}.bin";
}
