"""Turns the suds log written under ADCENTER_TRACE into one line per call: operation → outcome."""
import re

_BODY_OP = re.compile(r'<(?:[\w-]+:)?Body[^>]*>\s*<(?:[\w-]+:)?(\w+)')
_STATUS = re.compile(r'Reply HTTP status - (\d+)')


def summarize(trace_text):
    lines = []
    operation = None
    for record in trace_text.split('===== suds.client\n')[1:]:
        if record.startswith('sending to ('):
            found = _BODY_OP.search(record)
            operation = found.group(1) if found else '?'
            operation = operation[:-len('Request')] if operation.endswith('Request') else operation
        elif record.startswith('Reply HTTP status'):
            status = int(_STATUS.search(record).group(1))
            lines.append(f'{operation}: HTTP {status} {_outcome(record, status)}')
    return lines


def _outcome(record, status):
    errors = [_error(block) for block in _ERROR_BLOCK.findall(record)]
    if errors:
        return 'fault ' + '; '.join(errors)
    fault = re.search(r'<faultstring[^>]*>([^<]*)', record)
    if fault:
        return 'fault ' + fault.group(1)
    return 'ok' if status == 200 else ''


_ERROR_BLOCK = re.compile(r'<(?:\w+:)?(?:OperationError|AdApiError|BatchError)>(.*?)</(?:\w+:)?(?:OperationError|AdApiError|BatchError)>', re.S)


def _error(block):
    def field(name):
        found = re.search(rf'<(?:\w+:)?{name}>([^<]*)</', block)
        return found.group(1) if found else ''
    text = ' '.join(part for part in (field('Code'), field('ErrorCode')) if part)
    detail = field('Details') or field('Message')
    return f'{text}: {detail[:160]}' if detail else text
