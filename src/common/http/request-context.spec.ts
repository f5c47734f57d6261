import { clientAddress } from './request-context';

describe('clientAddress', () => {
  it('keeps an IP address, leaves out an IPv6 zone of any length, and records no other text', () => {
    expect(clientAddress({ ip: '203.0.113.7' })).toBe('203.0.113.7');
    expect(clientAddress({ ip: '2001:db8::1' })).toBe('2001:db8::1');
    expect(clientAddress({ ip: `fe80::1%${'a'.repeat(70)}` })).toBe('fe80::1');
    expect(clientAddress({ ip: 'fe80::1%eth0' })).toBe('fe80::1');
    expect(clientAddress({ ip: 'not-an-address' })).toBeNull();
    expect(clientAddress({ ip: '%eth0' })).toBeNull();
    expect(clientAddress({})).toBeNull();
  });
});
