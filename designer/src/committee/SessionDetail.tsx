// 一次评审会议 (filled in by the next commit).
export default function SessionDetail(_props: { id: string }) {
  return <div>评审会议</div>;
}
