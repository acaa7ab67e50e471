"""Independent high-precision reference values for the staffing engine's tests.

Run: python3 test/reference/erlang_reference.py   (needs mpmath). The numbers it prints are
pasted into test/unit/erlang*.test.ts with this file named as their source.

Erlang B/C: closed forms with exact factorial sums at 60 digits.
Erlang A (M/M/N+M): the birth-death chain summed directly (truncated where terms < 1e-70),
and, for a contact that finds q others waiting, its path to service as stages with exponential
holding times: the hypoexponential CDF by its partial-fraction formula, which is only usable in
high precision (the cancellation is why the TypeScript code uses another route).
"""
from mpmath import mp, mpf, exp, factorial, fsum, nsum, inf, gammainc, power

mp.dps = 60


def erlang_b(n, a):
    a = mpf(a)
    return (power(a, n) / factorial(n)) / fsum(power(a, k) / factorial(k) for k in range(n + 1))


def erlang_c(n, a):
    a = mpf(a)
    b = erlang_b(n, a)
    return n * b / (n - a * (1 - b))


def erlang_b_large(n, a):
    # B = a^n e^-a / Gamma(n+1, a): the same closed form through the incomplete gamma function,
    # needed where the factorial sum has too many terms.
    a = mpf(a)
    return exp(n * mp.log(a) - a - mp.log(gammainc(n + 1, a)))


def hypo_cdf(rates, t):
    """P(sum of Exp(rates) <= t) for distinct rates, partial fractions (needs high precision)."""
    total = mpf(0)
    for j, rj in enumerate(rates):
        c = mpf(1)
        for i, ri in enumerate(rates):
            if i != j:
                c *= ri / (ri - rj)
        total += c * exp(-rj * t)
    return 1 - total


def erlang_a(n, calls, interval, aht, patience, threshold):
    lam = mpf(calls) / interval
    mu = 1 / mpf(aht)
    theta = 1 / mpf(patience)
    a = lam / mu
    b = erlang_b(n, a)
    # Weights of finding q waiting, relative to finding exactly n in the system.
    weights = []
    w = mpf(1)
    q = 0
    while True:
        weights.append(w)
        q += 1
        w *= lam / (n * mu + q * theta)
        if w < mpf(10) ** -70 and q > 5:
            break
    j = fsum(weights)
    p_wait = b * j / (1 + b * (j - 1))
    served_busy = fsum(wq * n * mu / (n * mu + (q + 1) * theta) for q, wq in enumerate(weights)) / j
    served_in_t = mpf(0)
    abandoned_in_t = mpf(0)
    wait_served = mpf(0)
    for q, wq in enumerate(weights):
        p_serve = n * mu / (n * mu + (q + 1) * theta)
        stage_rates = [n * mu + k * theta for k in range(1, q + 2)]
        s_t = p_serve * hypo_cdf(stage_rates, threshold)
        virtual = [n * mu + k * theta for k in range(0, q + 1)]
        still_waiting = exp(-theta * threshold) * (1 - hypo_cdf(virtual, threshold))
        served_in_t += wq * s_t
        abandoned_in_t += wq * (1 - s_t - still_waiting)
        wait_served += wq * p_serve * fsum(1 / r for r in stage_rates)
    served_in_t /= j
    abandoned_in_t /= j
    wait_served /= j
    p_abandon = p_wait * (1 - served_busy)
    sl = ((1 - p_wait) + p_wait * served_in_t) / (1 - p_wait * abandoned_in_t)
    asa = p_wait * wait_served / (1 - p_abandon)
    occupancy = a * (1 - p_abandon) / n
    return dict(p_wait=p_wait, p_abandon=p_abandon, sl=sl, asa=asa, occupancy=occupancy)


if __name__ == "__main__":
    print("Erlang A (calls, interval s, AHT s, patience s, threshold s, N):")
    for args in [
        (100, 1800, 180, 300, 20, 13),
        (100, 1800, 180, 300, 20, 14),
        (100, 1800, 180, 60, 20, 9),
        (300, 900, 240, 120, 30, 70),
        (30, 900, 300, 600, 20, 5),
    ]:
        calls, interval, aht, patience, threshold, n = args
        r = erlang_a(n, calls, interval, aht, patience, threshold)
        print(args, {k: mp.nstr(v, 20) for k, v in r.items()})
    print("Erlang C across traffic (N, A, B, C):")
    for n, a in [(1, 0.01), (3, 0.5), (140, 137), (1000, 980), (10_100, 10_000), (50_200, 50_000)]:
        b = erlang_b(n, a) if n <= 1000 else erlang_b_large(n, a)
        c = n * b / (n - mpf(a) * (1 - b))
        print(n, a, mp.nstr(b, 20), mp.nstr(c, 20))


def erlang_b_continuous(x, a):
    """The continuous extension B(x, A) = A^x e^-A / Gamma(x + 1, A)."""
    x, a = mpf(x), mpf(a)
    return exp(x * mp.log(a) - a - mp.log(gammainc(x + 1, a)))


def erlang_c_sl(x, a, aht, t):
    b = erlang_b_continuous(x, a)
    c = x * b / (x - a * (1 - b))
    return 1 - c * exp(-(x - a) * mpf(t) / aht)


def continuous_extras():
    print("Continuous Erlang B (x, A, B):")
    for x, a in [(13.5, 10), (0.5, 2), (250.25, 240)]:
        print(x, a, mp.nstr(erlang_b_continuous(x, a), 20))
    print("Fractional agents, Erlang C, A = 10, AHT 180, 80/20: x with SL(x) = 0.8:")
    root = mp.findroot(lambda x: erlang_c_sl(x, 10, 180, 20) - mpf("0.8"), 13.04)
    print(mp.nstr(root, 20))


def model_check_extras():
    """test/unit/model-check.test.ts: 100 calls in 1800 s, AHT 180 s (A = 10), threshold 20 s."""
    print("Model check: 16 agents x efficiency 0.75 = 12 servers, Erlang C SL:", mp.nstr(erlang_c_sl(12, 10, 180, 20), 20))
    print("Model check: 15 agents x efficiency 0.9 = 13.5 servers, Erlang C SL:", mp.nstr(erlang_c_sl(mpf("13.5"), 10, 180, 20), 20))
    r = erlang_a(12, 100, 1800, 180, 300, 20)
    print("Model check: 12 servers, Erlang A patience 300 s, SL and abandonment:", mp.nstr(r["sl"], 20), mp.nstr(r["p_abandon"], 20))
    print("Efficiency 0.75: 19 agents = 14.25 servers, Erlang C SL:", mp.nstr(erlang_c_sl(mpf("14.25"), 10, 180, 20), 20))
    root = mp.findroot(lambda x: erlang_c_sl(x, 10, 180, 20) - mpf("0.8"), 13.04)
    print("Efficiency 0.75: fractional agents for 80/20 (servers / 0.75):", mp.nstr(root / mpf("0.75"), 20))


if __name__ == "__main__":
    continuous_extras()
    model_check_extras()
