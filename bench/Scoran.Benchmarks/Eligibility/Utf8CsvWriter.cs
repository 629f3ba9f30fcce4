using System.Globalization;
using System.Text;

namespace Scoran.Benchmarks.Eligibility;

/// <summary>
/// Streams <c>;</c>-separated UTF-8 rows through a 1 MB buffer: formatting goes straight to bytes,
/// so 70 million rows cost no per-field string.
/// </summary>
public sealed class Utf8CsvWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly byte[] _buffer = new byte[1 << 20];
    private int _position;
    private bool _rowStarted;

    public Utf8CsvWriter(string path)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    public long BytesWritten { get; private set; }

    public void Header(IEnumerable<string> columns)
    {
        foreach (var column in columns)
        {
            Field(column);
        }

        EndRow();
    }

    public void Field(string ascii)
    {
        Separator();
        Ensure(ascii.Length * 3);
        _position += Encoding.UTF8.GetBytes(ascii, _buffer.AsSpan(_position));
    }

    public void Field(ReadOnlySpan<byte> utf8)
    {
        Separator();
        Ensure(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_position));
        _position += utf8.Length;
    }

    public void Field(long value)
    {
        Separator();
        Ensure(24);
        value.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>A number with a fixed count of decimals (centimetres for metric coordinates).</summary>
    public void Field(double value, string format)
    {
        Separator();
        Ensure(40);
        value.TryFormat(_buffer.AsSpan(_position), out var written, format, CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>Appends to the current field (no separator): for identifiers built from pieces.</summary>
    public void Append(ReadOnlySpan<byte> utf8)
    {
        Ensure(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_position));
        _position += utf8.Length;
    }

    public void Append(long value, string format)
    {
        Ensure(24);
        value.TryFormat(_buffer.AsSpan(_position), out var written, format, CultureInfo.InvariantCulture);
        _position += written;
    }

    public void EmptyField() => Separator();

    public void EndRow()
    {
        Ensure(1);
        _buffer[_position++] = (byte)'\n';
        _rowStarted = false;
    }

    public void Dispose()
    {
        Flush();
        _file.Dispose();
    }

    private void Separator()
    {
        if (_rowStarted)
        {
            Ensure(1);
            _buffer[_position++] = (byte)';';
        }

        _rowStarted = true;
    }

    private void Ensure(int bytes)
    {
        if (_position + bytes > _buffer.Length)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _file.Write(_buffer, 0, _position);
        BytesWritten += _position;
        _position = 0;
    }
}
